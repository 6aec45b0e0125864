import { AppShell, MantineProvider } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { AppHeader } from './shell/AppHeader';
import { AppNavbar } from './shell/AppNavbar';
import { CurrentPage } from './shell/CurrentPage';
import { LanguageErrorAlert } from './shell/LanguageErrorAlert';
import { RescoreStatus } from './shell/RescoreStatus';
import { useSchedulerTick } from './hooks/use-scheduler-tick';
import { useMenuCommands } from './shell/use-menu-commands';
import { QuickAdd } from './features/leads/QuickAdd';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const [navbarOpened, navbar] = useDisclosure(false);
  useSchedulerTick();
  useMenuCommands();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
        padding="md"
      >
        <AppShell.Header>
          <AppHeader navbarOpened={navbarOpened} onToggleNavbar={navbar.toggle} />
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <AppNavbar onNavigate={navbar.close} />
        </AppShell.Navbar>
        <AppShell.Main style={{ height: '100dvh', display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)' }}>
          <LanguageErrorAlert />
          <RescoreStatus />
          <CurrentPage />
        </AppShell.Main>
        <QuickAdd />
      </AppShell>
    </MantineProvider>
  );
}
