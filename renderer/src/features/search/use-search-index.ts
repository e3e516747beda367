import { useEffect } from 'react';
import { startSearchIndex } from '../../search/search-client';
import { afterFirstScreen } from '../../ui/first-screen';

/**
 * Starts the search index once the first screen is drawn (it then keeps itself current); a search
 * asked for before that starts it at once (searchIndex).
 */
export function useSearchIndex(): void {
  useEffect(() => afterFirstScreen(startSearchIndex), []);
}
