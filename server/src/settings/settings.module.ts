import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller.js';

/** Club settings (the service is global, in CoreModule). */
@Module({ controllers: [SettingsController] })
export class SettingsModule {}
