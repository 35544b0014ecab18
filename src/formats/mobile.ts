/** Detects PostHog mobile (wireframe) events (§6, `hasAnyWireframes` plus `adds[].wireframe`). */
import { isObject, type JsonObject } from './shapes/common.js';

function hasWireframeItem(list: unknown): boolean {
  return Array.isArray(list) && list.some((item) => isObject(item) && 'wireframe' in item);
}

export function isMobileEvent(event: JsonObject): boolean {
  const data = event.data;
  if (!isObject(data)) return false;
  if (event.type === 2) return 'wireframes' in data;
  if (event.type === 3) return hasWireframeItem(data.updates) || hasWireframeItem(data.adds);
  return false;
}
