import { Module } from '@nestjs/common';
import { CONTACTS_OPTIONS, ContactImportService, type ContactsOptions } from './contact-import.service';
import { ContactListsController } from './contact-lists.controller';
import { ContactListsService } from './contact-lists.service';

const MB = 1024 * 1024;

/**
 * IMPORT_MAX_BYTES (default 100 MB) caps an upload; read here because @app/config belongs to the apps' variables.
 * A bad value stops the boot with `NAME=value: reason`, like the other variables.
 */
export function contactsOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ContactsOptions {
  const raw = env.IMPORT_MAX_BYTES;
  const maxImportBytes = raw ? Number(raw) : 100 * MB;
  if (!Number.isInteger(maxImportBytes) || maxImportBytes < 1024)
    throw new Error(`IMPORT_MAX_BYTES=${raw}: must be a whole number of bytes, at least 1024`);
  return { maxImportBytes, batchSize: 1000 };
}

@Module({
  controllers: [ContactListsController],
  providers: [
    { provide: CONTACTS_OPTIONS, useFactory: () => contactsOptionsFromEnv() },
    ContactListsService,
    ContactImportService,
  ],
  exports: [ContactListsService, ContactImportService],
})
export class ContactsModule {}
