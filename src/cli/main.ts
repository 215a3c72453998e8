// The command line: parses arguments, prints messages, calls the library.
import { Command, CommanderError } from 'commander';
import { InputError } from '../diagnostics.js';
import { VERSION } from '../version.js';
import { buildCommand } from './buildCommand.js';
import { EXIT } from './exitCodes.js';
import { UsageError } from './projectArg.js';
import { chooseLang, makeReporter, printDiagnostics } from './report.js';

interface GlobalOptions {
  lang?: string;
  root?: string;
  debug?: boolean;
  quiet?: boolean;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('bulletin');
  program
    .description('工作简报排版工具：把 Markdown 文章排成 PDF 和 DOCX / typesets a Chinese work bulletin from Markdown into PDF and DOCX')
    .version(VERSION, '-V, --version')
    .option('--lang <lang>', 'zh | en')
    .option('--root <dir>', '项目根目录 / project root')
    .option('--debug', '出错时显示调用栈 / show stack traces')
    .option('--quiet', '只显示问题 / print problems only')
    .exitOverride()
    .showHelpAfterError();

  const reporter = (json = false) => {
    const g = program.opts<GlobalOptions>();
    return makeReporter({ lang: chooseLang(g.lang), quiet: g.quiet ?? false, debug: g.debug ?? false, json });
  };
  const run = async (f: () => Promise<number>, json = false) => {
    const r = reporter(json);
    try {
      exitCode = await f();
    } catch (err) {
      if (err instanceof InputError) {
        printDiagnostics(err.diagnostics, r);
        exitCode = EXIT.inputError;
      } else if (err instanceof UsageError) {
        r.problem(err.message);
        exitCode = EXIT.usage;
      } else {
        const e = err as Error;
        r.problem(r.lang === 'zh' ? `内部错误：${e.message}` : `internal error: ${e.message}`);
        if (r.debug && e.stack) r.problem(e.stack);
        exitCode = EXIT.internal;
      }
    }
  };

  program
    .command('build')
    .description('生成 PDF 和 DOCX / build PDF and DOCX')
    .argument('[issues...]', '期次（issues/ 下的目录名）或目录路径 / issue ids or folders')
    .option('--all', '生成 issues/ 下的每一期 / every issue')
    .option('--format <list>', 'pdf,docx')
    .option('--out <dir>', '输出目录 / output folder')
    .option('--drafts', '包括草稿文章并加“草稿”水印 / include drafts, mark pages 草稿')
    .option('--strict', '警告也视为错误 / warnings fail the build')
    .option('--json', '在标准输出上输出 JSON / JSON on stdout')
    .action(async (issues: string[], opts: Record<string, unknown>) => {
      await run(() => buildCommand(issues, { ...opts, root: program.opts<GlobalOptions>().root }, reporter(Boolean(opts.json))), Boolean(opts.json));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw err;
  }
  return exitCode;
}
