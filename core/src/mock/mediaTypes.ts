import { bareMediaType } from './request';

/** The template key whose media type equals `mediaType` (keys compare case-insensitively). */
function findKey(templates: Record<string, string>, mediaType: string): string | undefined {
  for (const key of Object.keys(templates)) if (bareMediaType(key) === mediaType) return key;
  return undefined;
}

/** The first media type of an Accept header, which is all API Gateway looks at. */
export function firstAccepted(accept: string | undefined): string | undefined {
  return bareMediaType(accept?.split(',')[0]);
}

/**
 * The response template for the client's Accept header: an exact match, otherwise the
 * first template. A missing header counts as `application/json`.
 */
export function selectResponseTemplate(templates: Record<string, string>, accept: string | undefined): { key: string; template: string } | undefined {
  const keys = Object.keys(templates);
  if (keys.length === 0) return undefined;
  const key = findKey(templates, firstAccepted(accept) ?? 'application/json') ?? keys[0];
  return { key, template: templates[key] };
}

/** The request template for a Content-Type, or undefined when none matches. A missing header counts as `application/json`. */
export function selectRequestTemplate(templates: Record<string, string>, contentType: string | undefined): { key: string; template: string } | undefined {
  const key = findKey(templates, bareMediaType(contentType) ?? 'application/json');
  return key === undefined ? undefined : { key, template: templates[key] };
}

/** Whether a media type is one of the API's binary media types (wildcards such as `image/*` and `*\/*` allowed). */
export function isBinaryMediaType(mediaType: string | undefined, binaryTypes: readonly string[]): boolean {
  if (mediaType === undefined || binaryTypes.length === 0) return false;
  const [type, subtype] = mediaType.split('/');
  return binaryTypes.some((pattern) => {
    const [pType, pSub] = pattern.toLowerCase().split('/');
    return (pType === '*' || pType === type) && (pSub === '*' || pSub === subtype);
  });
}
