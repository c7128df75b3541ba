import { AcdQueuesDidsIvr1796011895226 } from './1796011895226-acd-queues-dids-ivr.migration';
import { CampaignContactsNextIndex1795746900000 } from './1795746900000-campaign-contacts-next-index.migration';
import { ContactListRegion1795745881087 } from './1795745881087-contact-list-region.migration';
import { InitialSchema1795745384024 } from './1795745384024-initial-schema.migration';
// Migrations in the order they run. Add new ones at the end; never edit one that has shipped.
export const MIGRATIONS: (new () => unknown)[] = [
  InitialSchema1795745384024,
  ContactListRegion1795745881087,
  CampaignContactsNextIndex1795746900000,
  AcdQueuesDidsIvr1796011895226,
];
