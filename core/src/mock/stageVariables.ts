/** Replaces `${stageVariables.name}` in an integration URI (or function name); unknown names are reported in `missing`. */
export function substituteStageVariables(text: string, variables: Record<string, string>, missing: string[] = []): string {
  return text.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    if (Object.prototype.hasOwnProperty.call(variables, name)) return variables[name];
    missing.push(name);
    return '';
  });
}
