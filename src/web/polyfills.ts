// Built-ins newer than the Chromium 90 engines of domestic OS browsers; defined only where missing, non-enumerable.
function define<T extends object>(target: T, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function at(this: { length: number; [i: number]: unknown }, index: number) {
  const n = Math.trunc(index) || 0;
  const i = n < 0 ? this.length + n : n;
  return i < 0 || i >= this.length ? undefined : this[i];
}

define(Array.prototype, 'at', at);
define(String.prototype, 'at', at);
define(Object, 'hasOwn', (object: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(object, key));
define(Array.prototype, 'findLast', function findLast<T>(this: T[], predicate: (v: T, i: number, a: T[]) => unknown) {
  for (let i = this.length - 1; i >= 0; i -= 1) if (predicate(this[i]!, i, this)) return this[i];
  return undefined;
});
define(Array.prototype, 'findLastIndex', function findLastIndex<T>(this: T[], predicate: (v: T, i: number, a: T[]) => unknown) {
  for (let i = this.length - 1; i >= 0; i -= 1) if (predicate(this[i]!, i, this)) return i;
  return -1;
});

export {};
