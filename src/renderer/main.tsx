import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootAnswers } from './api/prefetched';
import { App } from './app/App';
import './styles/theme.css';
import './styles/layout.css';

// Answers the boot script has (nearly) received are read before the first render, so the board draws them in it;
// a late one is not waited for (docs/performance.md, "Where the first paint goes").
void bootAnswers(20).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
