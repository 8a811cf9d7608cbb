// `npm run lint` runs this after eslint: no import cycles anywhere in the app's code, and
// type-only imports count (tsPreCompilationDeps). A cycle, even of types, means two modules
// hold one responsibility split in the wrong place (architecture.md). eslint's import
// plugins skip type-only imports, so this check is dependency-cruiser's.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import one way: move the shared part (often a type) into a module of its own.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.tsbuild|\\.bench)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
