/**
 * What the screens are given at start-up: the platform, the repositories and
 * the stores. Passed through React context so tests can hand in fakes.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Repositories } from '../storage/index';
import type { Platform } from '../platform/platform';
import type { LibraryState, LibraryStore } from '../state/library/library-store';
import type { PracticeState, PracticeStore } from '../state/practice/practice-store';
import type { SettingsState, SettingsStore } from '../state/settings/settings-store';
import type { SimulateState, SimulateStore } from '../state/simulate/simulate-store';
import type { ProgressState, ProgressStore } from '../state/progress/progress-store';
import type { CollectionService } from '../state/collection/collection-service';

export interface AppServices {
  platform: Platform;
  repositories: Repositories;
  settingsStore: SettingsStore;
  libraryStore: LibraryStore;
  practiceStore: PracticeStore;
  simulateStore: SimulateStore;
  progressStore: ProgressStore;
  /** Export, backups and restore of the whole collection (absent where no database is behind the services). */
  collection?: CollectionService;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices: no AppServicesContext provider above this component');
  return services;
}

export function usePlatform(): Platform {
  return useAppServices().platform;
}

export function useSettings<T>(select: (state: SettingsState) => T): T {
  return useStore(useAppServices().settingsStore, select);
}

export function useLibrary<T>(select: (state: LibraryState) => T): T {
  return useStore(useAppServices().libraryStore, select);
}

export function usePractice<T>(select: (state: PracticeState) => T): T {
  return useStore(useAppServices().practiceStore, select);
}

export function useSimulate<T>(select: (state: SimulateState) => T): T {
  return useStore(useAppServices().simulateStore, select);
}

export function useProgress<T>(select: (state: ProgressState) => T): T {
  return useStore(useAppServices().progressStore, select);
}
