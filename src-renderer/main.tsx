import './app/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/create-client';
import { App } from './app/app';
import './styles/theme.css';
import './styles/frame.css';
import './styles/top-bar.css';
import './styles/watchlist.css';
import './styles/symbol-search.css';
import './styles/chart.css';
import './styles/chart-tools.css';
import './styles/side-panels.css';
import './styles/bottom-panel.css';
import './styles/replay.css';
import './styles/backtest.css';
import './styles/marker-schedules.css';
import './styles/trading.css';
import './styles/trading-ticket.css';
import './styles/trading-positions.css';
import './styles/options.css';
import './styles/journal.css';

const root = document.getElementById('root');
if (root === null) throw new Error('Tapedeck: #root element missing from index.html');

const client = createClient(window);

createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
