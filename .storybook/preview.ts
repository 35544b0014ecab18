import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Generated from the element's JSDoc by `npm run analyze`: the docs pages' tables come from it.
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    docs: { story: { inline: true, height: '480px' } },
  },
};

export default preview;
