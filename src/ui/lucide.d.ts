/** Lucide ships each icon as a module of SVG element nodes, without type declarations for deep imports. */
declare module 'lucide/dist/esm/icons/*.mjs' {
  const node: ReadonlyArray<readonly [string, Readonly<Record<string, string | number>>]>;
  export default node;
}
