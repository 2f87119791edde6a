import type { ApiTree } from '../../core/src/model/apiTree';

/**
 * `apigw/apiTree`: the resource trees of the API definitions among `uris`. Files that are not
 * definitions are left out of the answer, so a client may send every YAML/JSON file it finds.
 */
export const API_TREE_REQUEST = 'apigw/apiTree';

export interface ApiTreeParams {
  uris: string[];
}

export interface ApiTreeResult {
  trees: ApiTree[];
}
