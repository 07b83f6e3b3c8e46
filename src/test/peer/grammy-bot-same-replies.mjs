// The peer bot of grammy-bot.mjs (same grammY, runner, rate limiter and auto-retry), answering /start and /help
// with the very messages Analytips sends a new Portuguese-speaking user: the same text, HTML parse mode, link
// previews off and, for /start, the same eight-button menu. So a side-by-side run compares the two stacks on
// the same bytes per reply (about 850 and 1 150 bytes of JSON, against about 60 in grammy-bot.mjs).
// Run it as the other: node grammy-bot-same-replies.mjs APIROOT TOKEN
import { Bot } from 'grammy';
import { run } from '@grammyjs/runner';
import { limit } from '@grammyjs/ratelimiter';
import { autoRetry } from '@grammyjs/auto-retry';
const [apiRoot, token] = process.argv.slice(2);
const bot = new Bot(token, { client: { apiRoot } });
bot.api.config.use(autoRetry());
bot.use(limit({ timeFrame: 60000, limit: 10, onLimitExceeded: (ctx) => ctx.reply('Too many commands, wait a minute.') }));
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const noPreview = { is_disabled: true };
const menu = {
  inline_keyboard: [
    [{ text: '⚽ Jogos de hoje', callback_data: 't' }, { text: '🔎 Buscar time', callback_data: 's' }],
    [{ text: '🏆 Ligas', callback_data: 'lg' }, { text: '📜 Minhas análises', callback_data: 'r' }],
    [{ text: '⚙️ Idioma e fuso', callback_data: 'cfg' }, { text: '❓ Ajuda', callback_data: 'h' }],
    [{ text: '📋 Meus times', callback_data: 'mt' }, { text: '📈 Histórico do bot', callback_data: 'rec' }],
  ],
};
const help = '<b>Comandos</b>\n/start — menu: jogos de hoje, busca, ligas, suas análises\n/hoje — os jogos de hoje, por liga\n'
  + '/proximos <i>time</i> — os próximos jogos de um time (por exemplo: /proximos Flamengo)\n'
  + '/tabela <i>liga</i> — a classificação (por exemplo: /tabela brasileirão)\n'
  + '/seguir <i>time</i> — um aviso antes de cada jogo do time, com a previsão, e o resultado no fim (por exemplo: /seguir Palmeiras)\n'
  + '/meus_times — o que você segue, a hora do aviso e o resumo do dia\n/historico — como as previsões do bot se saíram\n'
  + '/idioma — English / Português\n/fuso — o fuso horário dos jogos (por exemplo: /fuso Lisboa)\n'
  + '/sobre — como o modelo calcula e como ele se saiu contra o mercado\n/cancelar — cancela uma busca\n/ajuda — esta ajuda\n\n'
  + 'Também dá para digitar só o nome de um time.\n\n'
  + 'Cada jogo tem cinco análises: completa, gols (mais/menos), escanteios, ambas marcam e resultado (1X2), com as probabilidades do modelo ao lado das odds.\n\n'
  + 'As análises são estimativas estatísticas, não garantias. Aposte com responsabilidade.';
bot.command('start', (ctx) => ctx.reply('⚽ <b>Bem-vindo ao Analytips, ' + escape(ctx.from?.first_name ?? '') + '!</b>\n\n'
  + 'Eu calculo as chances de cada jogo com um modelo estatístico: resultado, gols, ambas marcam e escanteios, com as odds das casas de apostas ao lado.\n\n'
  + 'Toque em ⚽ Jogos de hoje, ou digite o nome de um time (por exemplo: Flamengo) a qualquer momento. /help mostra os comandos.',
  { parse_mode: 'HTML', reply_markup: menu, link_preview_options: noPreview }));
bot.command('help', (ctx) => ctx.reply(help, { parse_mode: 'HTML', link_preview_options: noPreview }));
const runner = run(bot, { runner: { fetch: { allowed_updates: [] } } });
const stop = () => runner.isRunning() && runner.stop().then(() => process.exit(0));
process.once('SIGINT', stop); process.once('SIGTERM', stop);
console.log('grammy bot running');
