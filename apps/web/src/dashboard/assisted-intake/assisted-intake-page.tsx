import type { AssistedReceipt } from '@mnpddh/shared';
import { useState } from 'react';
import { AssistedIntakeForm } from './assisted-intake-form';
import { ReceiptPanel } from './receipt-panel';

/**
 * /personnel/saisie: a caseworker files a request for someone who phoned,
 * wrote or came in, then reads the receipt out (or withholds it). "Another
 * request" starts an empty form with a new idempotency key.
 */
export function AssistedIntakePage() {
  const [filed, setFiled] = useState<AssistedReceipt | null>(null);
  const [formNumber, setFormNumber] = useState(0);
  if (filed) {
    return (
      <ReceiptPanel
        filed={filed}
        onAnother={() => {
          setFiled(null);
          setFormNumber((n) => n + 1);
        }}
      />
    );
  }
  return <AssistedIntakeForm key={formNumber} onFiled={setFiled} />;
}
