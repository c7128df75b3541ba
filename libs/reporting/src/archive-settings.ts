import { LocalFolderStorage, type ArchiveStorage } from './archive-storage';
import { mailerFromSettings, type Mailer } from './mailer';
import { S3Storage } from './s3-storage';

/** The delivery settings of the reporting config (libs/config DELIVERY_CONFIG). */
export interface DeliverySettings {
  SMTP_URL?: string;
  SMTP_HOST?: string;
  SMTP_PORT: number;
  SMTP_SECURE: boolean;
  SMTP_USER?: string;
  SMTP_PASSWORD?: string;
  SMTP_FROM?: string;
  ARCHIVE_S3_BUCKET?: string;
  ARCHIVE_S3_ENDPOINT?: string;
  ARCHIVE_S3_REGION: string;
  ARCHIVE_S3_ACCESS_KEY_ID?: string;
  ARCHIVE_S3_SECRET_ACCESS_KEY?: string;
  ARCHIVE_S3_FORCE_PATH_STYLE: boolean;
}

/** S3-compatible storage when a bucket is configured, else the local folder (the embedded default). */
export function archiveStorageFrom(c: DeliverySettings, localDir: string): ArchiveStorage {
  if (!c.ARCHIVE_S3_BUCKET) return new LocalFolderStorage(localDir);
  return new S3Storage({
    endpoint: c.ARCHIVE_S3_ENDPOINT ?? `https://s3.${c.ARCHIVE_S3_REGION}.amazonaws.com`,
    bucket: c.ARCHIVE_S3_BUCKET,
    region: c.ARCHIVE_S3_REGION,
    accessKeyId: c.ARCHIVE_S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: c.ARCHIVE_S3_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: c.ARCHIVE_S3_FORCE_PATH_STYLE,
  });
}

/** The SMTP mailer when SMTP_URL or SMTP_HOST is set, else null (no mail). */
export function mailerFrom(c: DeliverySettings): Mailer | null {
  if (!c.SMTP_FROM) return null;
  return mailerFromSettings({
    url: c.SMTP_URL,
    host: c.SMTP_HOST,
    port: c.SMTP_PORT,
    secure: c.SMTP_SECURE,
    user: c.SMTP_USER,
    password: c.SMTP_PASSWORD,
    from: c.SMTP_FROM,
  });
}
