import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/**
 * Replaces the current address with another page. The router's own
 * <Navigate> would be bundled with the public pages (the router is one
 * module there); this one stays in the staff chunk.
 */
export function Redirect({ to }: { to: string }) {
  const navigate = useNavigate();
  useEffect(() => {
    navigate(to, { replace: true });
  }, [navigate, to]);
  return null;
}
