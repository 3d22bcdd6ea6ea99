import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { cubeProxy } from './analytics/cube-proxy.js';
import { cubeTokenVerifier } from './analytics/cube-token.js';
import { AuthService } from './auth/auth.service.js';
import { AppModule } from './app.module.js';
import { adminFiles } from './common/admin-files.js';
import { renderError } from './common/error-filter.js';
import { inputBoundary } from './common/input-boundary.js';
import { langFrom } from './common/i18n.js';
import { securityHeaders } from './common/security-headers.js';
import type { AppConfig } from './config/app-config.js';
import type { Db } from './database/prisma.service.js';
import { withResponseBodies } from './openapi/document-responses.js';

export interface CreateAppOptions {
  logLevels?: LogLevel[];
}

/** Builds the API (not yet listening): Nest routes under /api, docs, the Cube proxy and the admin. */
export async function createApp(config: AppConfig, db: Db, opts: CreateAppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config, db), { bodyParser: false, logger: opts.logLevels ?? ['error', 'warn', 'log'] });
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  http.set('trust proxy', 'loopback');
  http.set('query parser', 'simple');

  // CSP, X-Frame-Options, nosniff, Referrer-Policy… on every answer, proxied and static too.
  app.use(securityHeaders);
  app.use((req: Request & { requestId?: string; lang?: string }, res: Response, next: NextFunction) => {
    // Always our own: the id is written to the audit log, so a caller must not choose it.
    req.requestId = randomUUID();
    req.lang = langFrom(req.headers['accept-language']);
    res.setHeader('X-Request-Id', req.requestId);
    next();
  });
  app.use(cubeProxy({ cubeUrl: config.cubeUrl, verifyToken: cubeTokenVerifier(config, app.get(AuthService)) }));
  app.use('/api', express.json({ limit: '1mb' }));
  app.use('/api', inputBoundary);
  // Errors from the JSON parser never reach Nest's filters: render them the same way here.
  const logger = new Logger('Http');
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const body = renderError(err, req, logger);
    res.status(body.statusCode).json(body);
  });

  if (existsSync(join(config.adminDist, 'index.html'))) {
    // Only outside /api: a static lookup costs a file-system stat on every API request otherwise.
    // Hashed assets compressed and cached for a year; every other GET is the SPA's index.
    app.use(adminFiles(config.adminDist));
  }

  app.setGlobalPrefix('api');
  const doc = new DocumentBuilder()
    .setTitle('客户会管理系统 API / Owners’ club API')
    .setDescription('Members, cards, activities and analysis of a real-estate owners’ club. Lists follow the @refinedev/simple-rest contract.')
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => withResponseBodies(SwaggerModule.createDocument(app, doc)));
  return app;
}
