// The command line: parses arguments, prints messages, calls the library.
// Nothing imports it; every command is also a function (src/cli/*Command.ts).
// A command's module is imported only when that command runs, so that
// `--version`, `--help` and `check` do not pay for loading the typesetter
// or the writers (README, "性能 / Performance").
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../diagnostics.js';
import type { Lang } from '../messages.js';
import { VERSION } from '../version.js';
import { EXIT } from './exitCodes.js';
import { UsageError } from './usageError.js';
import { chooseLang, makeReporter, printDiagnostics, type Reporter } from './report.js';
import { terminalLines } from './terminalText.js';
import { text } from './texts.js';

interface GlobalOptions {
  lang?: string;
  root?: string;
  debug?: boolean;
  quiet?: boolean;
}

/** Commander's own errors, in the user's language. */
function translateCommanderError(line: string, lang: Lang): string {
  if (lang === 'en') return line;
  return line
    .replace(/^error: unknown option '([^']+)'/, '错误：未知选项 $1')
    .replace(/^error: unknown command '([^']+)'/, '错误：未知命令 $1')
    .replace(/^error: missing required argument '([^']+)'/, '错误：缺少参数 $1')
    .replace(/^error: option '([^']+)' argument missing/, '错误：选项 $1 缺少取值')
    .replace(/^error: too many arguments.*/, '错误：参数过多')
    .replace(/^error: option '([^']+)' argument '([^']+)' is invalid\. Allowed choices are (.+)\.$/, '错误：选项 $1 的取值 $2 无效，可选：$3')
    .replace(/^\(Did you mean (.+)\?\)/, '（是否想输入 $1？）');
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const langArg = argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  const langGuess = chooseLang(langArg);
  const program = new Command('bulletin');
  program
    .description('工作简报排版工具：把 Markdown 文章排成 PDF 和 DOCX / typesets a Chinese work bulletin from Markdown into PDF and DOCX')
    .version(VERSION, '-V, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .addOption(new Option('--lang <lang>', '消息语言 / language of messages').choices(['zh', 'en']))
    .option('--root <dir>', '项目根目录 / project root')
    .option('--debug', '出错时显示调用栈 / show stack traces')
    .option('-q, --quiet', '只显示问题 / print problems only')
    .exitOverride()
    .showHelpAfterError(langGuess === 'zh' ? '（用 --help 查看用法）' : '(--help shows the usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(terminalLines(s.split('\n').map((l) => translateCommanderError(l, langGuess)).join('\n'))) });

  const global = () => program.opts<GlobalOptions>();
  /** A command's options with the global --root. */
  const withRoot = <T extends object>(opts: T): T & { root?: string } => {
    const root = global().root;
    return root ? { ...opts, root } : opts;
  };
  const reporter = (json = false): Reporter => {
    const g = global();
    return makeReporter({ lang: chooseLang(g.lang), quiet: g.quiet ?? false, debug: g.debug ?? false, json });
  };
  const run = async (f: (r: Reporter) => Promise<number>, json = false): Promise<void> => {
    const r = reporter(json);
    try {
      exitCode = await f(r);
    } catch (err) {
      if (err instanceof InputError) {
        printDiagnostics(err.diagnostics, r);
        exitCode = EXIT.inputError;
      } else if (err instanceof UsageError) {
        r.problem(err.message);
        exitCode = EXIT.usage;
      } else {
        const e = err as Error;
        r.problem(text(r.lang, 'internal', { message: e?.message ?? String(err) }));
        if (r.debug && e?.stack) r.problem(e.stack);
        exitCode = EXIT.internal;
      }
    }
  };

  program
    .command('build')
    .description('生成 PDF 和 DOCX / build PDF and DOCX')
    .argument('[issues...]', '期次（issues/ 下的目录名）或目录路径 / issue ids or folders')
    .option('--all', '生成 issues/ 下的每一期 / every issue')
    .option('--format <list>', '输出格式 / outputs: pdf,docx,ofd,png,svg')
    .option('--dpi <n>', 'PNG 页面图像的分辨率（默认 150）/ resolution of PNG pages (default 150)')
    .option('--out <dir>', '输出目录 / output folder')
    .option('--drafts', '包括草稿文章并加“草稿”水印 / include drafts, mark every page as a draft')
    .option('--strict', '警告也视为错误 / warnings fail the build')
    .option('--json', '在标准输出上输出 JSON / one JSON object on stdout')
    .option('--watch', '文件保存后自动重新生成 / rebuild on every change')
    .option('--embed-fonts', '在 DOCX 中嵌入所用字体的子集 / embed subsets of the fonts in the DOCX')
    .option('--pdfa [level]', '生成 PDF/A（1b、2b、2u、2a，默认 2b）/ PDF/A: 1b, 2b (default), 2u, 2a')
    .option('--no-system-fonts', '只用随附和配置的字体，不用系统字体 / bundled and configured fonts only, no installed fonts')
    .action(async (issues: string[], opts: Record<string, unknown>) => {
      const json = Boolean(opts.json);
      await run(async (r) => (await import('./buildCommand.js')).buildCommand(issues, withRoot(opts), r), json);
    });

  program
    .command('check')
    .description('检查输入和排版规范，不生成文件 / validate inputs and lint typography, write nothing')
    .argument('[issues...]', '期次 / issue ids or folders')
    .option('--all', '检查每一期 / every issue')
    .option('--json', '在标准输出上输出 JSON / one JSON object on stdout')
    .option('--strict', '警告也视为错误 / warnings are errors')
    .option('--fix', '自动修正可安全修正的问题并显示改动 / apply the safe fixes, print a diff')
    .option('--drafts', '也检查草稿文章 / include draft articles')
    .option('--no-system-fonts', '只用随附和配置的字体，不用系统字体 / bundled and configured fonts only, no installed fonts')
    .action(async (issues: string[], opts: Record<string, unknown>) => {
      await run(async (r) => (await import('./checkCommand.js')).checkCommand(issues, withRoot(opts), r), Boolean(opts.json));
    });

  program
    .command('new')
    .description('仿照最近一期建立新的一期 / start a new issue from the latest one')
    .argument('<issue>', '新期次的目录名，如 2024-09 / the new issue id, e.g. 2024-09')
    .option('--date <YYYY-MM-DD>', '出刊日期（默认今天）/ issue date (default today)')
    .action(async (issue: string, opts: { date?: string }) => {
      await run(async (r) => (await import('./newCommand.js')).newCommand(issue, withRoot(opts), r));
    });

  program
    .command('preview')
    .description('在浏览器中实时预览（含草稿），保存后自动更新，不写任何文件 / live preview in the browser (drafts included), updated on every save; writes nothing')
    .argument('<issue>', '期次 / issue id or folder')
    .option('--port <n>', '端口（默认自动选择空闲端口）/ port (default: a free one)')
    .option('--open', '用默认浏览器打开 / open the default browser')
    .option('--no-system-fonts', '只用随附和配置的字体，不用系统字体 / bundled and configured fonts only, no installed fonts')
    .action(async (issue: string, opts: Record<string, unknown>) => {
      await run(async (r) => (await import('./previewCommand.js')).previewCommand(issue, withRoot(opts), r));
    });

  program
    .command('fonts')
    .description('显示各角色所用字体，以及缺字 / show the font of each role, and characters fonts lack')
    .argument('[issue]', '期次 / issue id or folder')
    .option('--no-system-fonts', '只用随附和配置的字体，不用系统字体 / bundled and configured fonts only, no installed fonts')
    .action(async (issue: string | undefined, opts: { systemFonts?: boolean }) => {
      await run(async (r) => (await import('./fontsCommand.js')).fontsCommand(issue, withRoot({ systemFonts: opts.systemFonts ?? true }), r));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help asked for is a success; help shown because no command was given is wrong usage.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || (err.code === 'commander.help' && err.exitCode === 0)) return EXIT.ok;
      return EXIT.usage;
    }
    throw err;
  }
  return exitCode;
}
