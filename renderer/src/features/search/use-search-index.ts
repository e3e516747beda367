import { useEffect } from 'react';
import { startSearchIndex } from '../../search/search-client';

/** Starts the search index once the app is on screen (it then keeps itself current). */
export function useSearchIndex(): void {
  useEffect(() => startSearchIndex(), []);
}
