// `npm test`'s first step: the typecheck and the lint at once (each keeps one core busy; run one after the other
// they cost a quarter of a minute more). Both always run to the end; the step fails when either fails.
import { spawn } from 'node:child_process';

const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const [tsc, eslint] = await Promise.all([run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']), run(bin('eslint'), ['.'])]);
if (tsc !== 0) console.error('typecheck failed');
if (eslint !== 0) console.error('lint failed');
process.exit(tsc === 0 && eslint === 0 ? 0 : 1);
