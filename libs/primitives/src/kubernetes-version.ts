/** Minor of a Kubernetes version or image tag: `v1.33.2` → `1.33`, `1.33` → `1.33`; `undefined` when there is none. */
export function minorOf(version: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}` : undefined;
}
