// npm run i18n:report — how complete each language is.
import { readSourceMessages } from './catalogue-source.js';
import { compileAll, sourceCounts } from './compile.js';
import { reportTable } from './report.js';

const messages = readSourceMessages();
const languages = compileAll(messages);
console.log(reportTable([sourceCounts(messages), ...languages.map((compiled) => compiled.counts)]));
for (const problem of languages.flatMap((compiled) => compiled.problems)) console.log(`left out (shown in French): ${problem}`);
