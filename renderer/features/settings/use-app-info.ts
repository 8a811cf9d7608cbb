import { useEffect, useState } from 'react';
import type { PlatformAppInfo } from '../../platform/platform';
import { usePlatform } from '../../app/app-services';

export function useAppInfo(): { info?: PlatformAppInfo; error?: string } {
  const platform = usePlatform();
  const [state, setState] = useState<{ info?: PlatformAppInfo; error?: string }>({});
  useEffect(() => {
    let current = true;
    platform.appInfo().then(
      (info) => current && setState({ info }),
      (error: unknown) => current && setState({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [platform]);
  return state;
}
