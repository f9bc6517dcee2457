import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { optionsChainCommand } from './options-chain-command';
import { optionsIvCommand } from './options-iv-command';
import { optionsPriceCommand } from './options-price-command';

const SUBCOMMANDS: readonly Command[] = [optionsPriceCommand, optionsIvCommand, optionsChainCommand];

export const optionsCommand: Command = {
  name: 'options',
  summary: 'option prices and greeks, implied volatility, and the simulated option chain',
  help: `Usage: tapedeck options <price|iv|chain> [options]

Subcommands:
${SUBCOMMANDS.map((c) => `  ${c.name.padEnd(6)} ${c.summary}`).join('\n')}

  tapedeck options price --type call --spot 42 --strike 40 --rate 0.1 --vol 0.2 --years 0.5 [--div 0] [--json]
  tapedeck options iv --type put --price 0.8086 --spot 42 --strike 40 --rate 0.1 --years 0.5 [--json]
  tapedeck options chain --source sim --underlying SPY [--expiry YYYY-MM-DD] [--at ISO] [--json]

Conventions: rates and dividend yields continuously compounded per year
(0.05 = 5%), volatility annualised, time in years of 365 days; prices and
greeks per unit of the underlying (one contract is 100).
See tapedeck options <subcommand> --help for each one's options.`,

  async run(args, io) {
    const [first, ...rest] = args;
    if (first === '-h' || first === '--help') {
      io.out(this.help);
      return EXIT.ok;
    }
    const names = SUBCOMMANDS.map((c) => c.name).join(', ');
    if (first === undefined) throw new UsageError(`options: give a subcommand: ${names} (see tapedeck options --help)`);
    const sub = SUBCOMMANDS.find((c) => c.name === first);
    if (sub === undefined) throw new UsageError(`options: unknown subcommand "${first}" (known: ${names})`);
    return sub.run(rest, io);
  },
};
