/** Entry point of the renderer: boot, then render the app (or why it could not start). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { BootFailure } from './app/BootFailure';
import { bootApp } from './app/boot';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/screens.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

bootApp(window).then(
  (services) => {
    root.render(
      <StrictMode>
        <App services={services} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    console.error('Kata could not start', error);
    root.render(<BootFailure error={error} />);
  },
);
