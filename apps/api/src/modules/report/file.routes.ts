/**
 * The file routes beside /graphql, on the same token and scope: reports (.docx), list exports (.xlsx) and the member
 * import (.xlsx in). One place for app.ts to mount them.
 */
import cors from 'cors';
import { Router } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/env';
import { assignRequestId, withRequestId } from '../../http/request-id';
import { memberImportRoutes } from '../member-import/member-import.http';
import { exportRoutes } from './export.http';
import { reportRoutes } from './report.http';

export const FILE_PATHS = ['/reports', '/exports', '/imports'];

export function fileRoutes(config: AppConfig, dataSource: DataSource): Router {
  const router = Router();
  router.use(
    FILE_PATHS,
    assignRequestId,
    // The panel reads the file name and the row count of a download from these headers.
    cors({ origin: config.corsOrigin, credentials: false, exposedHeaders: ['Content-Disposition', 'X-Total-Count', 'x-request-id'] }),
    withRequestId,
  );
  router.use(reportRoutes(config, dataSource), exportRoutes(config, dataSource), memberImportRoutes(config, dataSource));
  return router;
}
