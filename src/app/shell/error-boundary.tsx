import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { Button } from '../ui/button';
import { isCodeNotFetched } from './code-not-fetched';

interface Props {
  children: ReactNode;
}

interface State {
  error: unknown;
}

/**
 * Catches a crashing screen so the header (and sign-out) stay usable. A screen whose code is not
 * on the device yet, opened with no network, is not a crash: it says so, and opens by itself
 * when the network is back.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidMount(): void {
    window.addEventListener('online', this.retry);
  }

  override componentWillUnmount(): void {
    window.removeEventListener('online', this.retry);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (isCodeNotFetched(error) && !navigator.onLine) return;
    console.error('Screen crashed', error, info.componentStack);
  }

  private readonly retry = () => {
    if (isCodeNotFetched(this.state.error)) this.setState({ error: null });
  };

  override render() {
    if (!this.state.error) return this.props.children;
    return isCodeNotFetched(this.state.error) && !navigator.onLine ? <NotOnDeviceScreen /> : <CrashScreen />;
  }
}

function NotOnDeviceScreen() {
  const t = useT();
  return (
    <div className="card" role="status" data-testid="screen-not-on-device">
      <h1 className="page-title">{t('errorBoundary.offlineTitle')}</h1>
      <p>{t('errorBoundary.offlineBody')}</p>
    </div>
  );
}

function CrashScreen() {
  const t = useT();
  return (
    <div className="card" role="alert">
      <h1 className="page-title">{t('errorBoundary.title')}</h1>
      <p>{t('errorBoundary.body')}</p>
      <Button variant="primary" size="lg" onClick={() => window.location.reload()}>
        {t('errorBoundary.reload')}
      </Button>
    </div>
  );
}
