import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Generated from the element's JSDoc by `npm run analyze`: the docs pages' tables come from it.
import manifest from '../custom-elements.json';

interface Member {
  name: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
}

/**
 * The manifest lists private and protected members too (marked as such); Storybook would show
 * them all in the args table, so keep the public API only.
 */
function publicApi<T extends { modules: { declarations?: { members?: Member[] }[] }[] }>(m: T): T {
  return {
    ...m,
    modules: m.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.members
          ? {
              ...declaration,
              members: declaration.members.filter(
                (member) => (member.privacy ?? 'public') === 'public' && !member.static,
              ),
            }
          : declaration,
      ),
    })),
  };
}

setCustomElementsManifest(publicApi(manifest as Parameters<typeof publicApi>[0]));

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
