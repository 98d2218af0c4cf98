import { EMERGENCY_PHONE, EMERGENCY_PHONE_HREF } from '../config';
import { fill } from './fill';
import { PhoneIcon } from './icons';

/** A large tap target that dials the emergency line: most urgent cases come by phone. */
export function CallButton({ template }: { template: string }) {
  return (
    <a className="call-button" href={EMERGENCY_PHONE_HREF}>
      <PhoneIcon />
      <span>{fill(template, { phone: <span className="phone">{EMERGENCY_PHONE}</span> })}</span>
    </a>
  );
}
