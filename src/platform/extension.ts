// Extension points: how a module offers a place for others to contribute without importing them.
// The module that owns the place declares the point (its type says what a contribution is); a module
// further up imports that point through the owner's entry file and contributes in its own entry file
// (`extensions: [extend(point, value)]`). The app hands each point's contributions to the owner through
// its dependencies, so imports keep pointing one way: the event page lists a workshop's project ideas
// without events importing project ideas.

export type ExtensionPoint<T> = { readonly id: string; readonly __contribution?: T };

export function extensionPoint<T>(id: string): ExtensionPoint<T> {
  return { id };
}

export type Extension = { readonly point: ExtensionPoint<unknown>; readonly value: unknown };

export function extend<T>(point: ExtensionPoint<T>, value: T): Extension {
  return { point: point as ExtensionPoint<unknown>, value };
}

/** Every module's contributions, by point. */
export class Extensions {
  readonly #byPoint = new Map<string, unknown[]>();

  constructor(extensions: Extension[]) {
    for (const { point, value } of extensions) {
      const list = this.#byPoint.get(point.id) ?? [];
      list.push(value);
      this.#byPoint.set(point.id, list);
    }
  }

  /** The contributions to a point, in the registry's order; none when no module contributes. */
  all<T>(point: ExtensionPoint<T>): T[] {
    return (this.#byPoint.get(point.id) ?? []) as T[];
  }
}
