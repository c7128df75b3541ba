import { DynamicModule, Module } from '@nestjs/common';
import { CONTACTS_OPTIONS, ContactImportService, type ContactsOptions } from './contact-import.service';
import { ContactListsController } from './contact-lists.controller';
import { ContactListsService } from './contact-lists.service';
import { DEFAULT_XLSX_LIMITS } from './xlsx-guard';

/**
 * Target lists and their import. Global: the briefs library imports inline rows through the same services.
 * `maxImportBytes` comes from IMPORT_MAX_BYTES (validated with the dialer's other variables).
 */
@Module({})
export class ContactsModule {
  static forRoot(options: {
    maxImportBytes: number;
    batchSize?: number;
    /** DIALER_INSTANCE_ID: imports this process owned are released when it starts again. */
    instanceId?: string;
    /** IMPORT_MAX_UNPACKED_BYTES: what one XLSX may unpack. */
    maxUnpackedBytes?: number;
    staleImportSeconds?: number;
  }): DynamicModule {
    const resolved: ContactsOptions = {
      maxImportBytes: options.maxImportBytes,
      batchSize: options.batchSize ?? 1000,
      instanceId: options.instanceId ?? `contacts-${process.pid}`,
      xlsxLimits: {
        ...DEFAULT_XLSX_LIMITS,
        maxUnpackedBytes: options.maxUnpackedBytes ?? DEFAULT_XLSX_LIMITS.maxUnpackedBytes,
      },
      staleImportSeconds: options.staleImportSeconds ?? 30,
    };
    return {
      module: ContactsModule,
      global: true,
      controllers: [ContactListsController],
      providers: [{ provide: CONTACTS_OPTIONS, useValue: resolved }, ContactListsService, ContactImportService],
      exports: [ContactListsService, ContactImportService],
    };
  }
}
