/**
 * The list of CLI commands. Each module exports `register(program, ctx)`, which adds one
 * subcommand with its options, help text and action.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { register as expand } from './expand';
import { register as diff } from './diff';
import { register as experiment } from './experiment';
import { register as groebner } from './groebner';
import { register as solve } from './solve';
import { register as critical } from './critical';
import { register as bench } from './bench';
import { register as check } from './check';
import { register as convert } from './convert';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const commands: RegisterCommand[] = [expand, diff, groebner, solve, critical, experiment, bench, check, convert];
