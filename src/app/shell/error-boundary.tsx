import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { Button } from '../ui/button';

interface Props {
  children: ReactNode;
}

interface State {
  error: unknown;
}

/** Catches a crashing screen so the header (and sign-out) stay usable. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Screen crashed', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <CrashScreen /> : this.props.children;
  }
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
