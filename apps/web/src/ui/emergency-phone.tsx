import { EMERGENCY_PHONE, EMERGENCY_PHONE_HREF } from '../config';

/** The emergency number as a `tel:` link (kept on one line except on very narrow screens). */
export function EmergencyPhoneLink({ className }: { className?: string }) {
  return (
    <a className={className ? `phone ${className}` : 'phone'} href={EMERGENCY_PHONE_HREF}>
      {EMERGENCY_PHONE}
    </a>
  );
}
