/**
 * custom-elements.json: read by IDEs, Storybook's docs and lit-analyzer.
 *
 * The kit's events are classes (`new DcErrorEvent(detail)`, name in `static type`). The analyzer
 * expects `new CustomEvent('name')` and would record the constructor's first argument as the event
 * name; `event-classes` replaces those guesses with the class's `type` and merges them with the
 * `@fires` documentation, so each event appears once, with its name, class and description.
 */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.d.ts', 'src/i18n/locales/**'],
  litelement: true,
  plugins: [eventClasses()],
};

function eventClasses() {
  return {
    name: 'event-classes',
    packageLinkPhase({ customElementsManifest }) {
      // class name → event name, from `static readonly type = 'dc-…'`
      const typeOf = new Map();
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          const field = decl.members?.find((m) => m.static && m.name === 'type' && typeof m.default === 'string');
          const name = field && /^'([a-z][\w-]*)'$|^"([a-z][\w-]*)"$/.exec(field.default);
          if (name) typeOf.set(decl.name, name[1] ?? name[2]);
        }
      }
      const classOf = new Map([...typeOf].map(([cls, name]) => [name, cls]));

      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement || !decl.events) continue;
          const byName = new Map();
          for (const event of decl.events) {
            const cls = event.type?.text;
            const name = (cls && typeOf.get(cls)) ?? event.name;
            if (!name) continue;
            const merged = { ...byName.get(name), ...event, name };
            if (!merged.type && classOf.has(name)) merged.type = { text: classOf.get(name) };
            if (!merged.description) delete merged.description;
            byName.set(name, merged);
          }
          decl.events = [...byName.values()].map(({ name, type, description, ...rest }) => ({
            ...(description ? { description } : {}),
            name,
            ...(type ? { type } : {}),
            ...rest,
          }));
        }
      }
    },
  };
}
