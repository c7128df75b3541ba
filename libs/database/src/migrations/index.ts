import { AbandonWindowMonths1796025861907 } from './1796025861907-abandon-window-months.migration';
import { InboundCallsByMonth1796026044001 } from './1796026044001-inbound-calls-by-month.migration';
import { QueueEventsByMonth1796026044000 } from './1796026044000-queue-events-by-month.migration';
import { CallAttemptsByMonth1796023987717 } from './1796023987717-call-attempts-by-month.migration';
import { ReportingScale1796021206653 } from './1796021206653-reporting-scale.migration';
import { DepartmentDeliverySettings1796023284834 } from './1796023284834-department-delivery-settings.migration';
import { ReportingArchives1796014743790 } from './1796014743790-reporting-archives.migration';
import { ReportingRollups1796013096997 } from './1796013096997-reporting-rollups.migration';
import { AccessControl1796010181554 } from './1796010181554-access-control.migration';
import { ContactImports1796010695667 } from './1796010695667-contact-imports.migration';
import { AcdQueuesDidsIvr1796011895226 } from './1796011895226-acd-queues-dids-ivr.migration';
import { CampaignContactsNextIndex1795746900000 } from './1795746900000-campaign-contacts-next-index.migration';
import { ContactListRegion1795745881087 } from './1795745881087-contact-list-region.migration';
import { InitialSchema1795745384024 } from './1795745384024-initial-schema.migration';
import { CampaignContactPilotRound1796010521228 } from './1796010521228-campaign-contact-pilot-round.migration';
import { NotificationReadsPerUser1796012308874 } from './1796012308874-notification-reads-per-user.migration';
import { DepartmentAllowedDestinations1796016000210 } from './1796016000210-department-allowed-destinations.migration';
// Migrations in the order they run. Add new ones at the end; never edit one that has shipped.
export const MIGRATIONS: (new () => unknown)[] = [
  InitialSchema1795745384024,
  ContactListRegion1795745881087,
  CampaignContactsNextIndex1795746900000,
  AccessControl1796010181554,
  CampaignContactPilotRound1796010521228,
  ContactImports1796010695667,
  AcdQueuesDidsIvr1796011895226,
  NotificationReadsPerUser1796012308874,
  ReportingRollups1796013096997,
  ReportingArchives1796014743790,
  DepartmentAllowedDestinations1796016000210,
  ReportingScale1796021206653,
  DepartmentDeliverySettings1796023284834,
  CallAttemptsByMonth1796023987717,
  AbandonWindowMonths1796025861907,
  QueueEventsByMonth1796026044000,
  InboundCallsByMonth1796026044001,
];
