import { useEffect, useState } from 'react';

/**
 * Moves focus to an element once it exists: after "Ajouter une personne",
 * to the new person's first field; after "Retirer", to the add button.
 */
export function useFocusLater(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}
