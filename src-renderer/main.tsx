import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { useUiStore } from './stores/ui-store';

// First paint in the language mirrored in localStorage; then the book's `language` setting decides.
initI18n(useUiStore.getState().language);

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
void useUiStore.getState().loadLanguage();
