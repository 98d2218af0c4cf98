import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import {
  AgendaEventCancellation,
  Assignee,
  AssigneeAccessRestored,
  Assignment,
  BulkReassignment,
  BulkReassignmentResult,
  negotiateLocale,
  CaseDraft,
  CaseNote,
  ContactAttempt,
  LegalBasisCitation,
  LegalBasisWithdrawal,
  MeasureUpdate,
  NewAgendaEvent,
  NewMeasure,
  RiskAssessmentInput,
  StaffMessage,
  StatusChange,
} from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../auth/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { parseParams, ValidBody } from '../common/valid-body.js';
import { CaseParams, Written, written } from './journal-written.js';
import { CaseDrafts } from '../vault/case-drafts.js';
import { AssigneeAccess } from './assignee-access.js';
import { CaseDownloads } from './case-downloads.js';
import { CaseReassignment } from './case-reassignment.js';
import { CaseWorkService } from './case-work.service.js';
import { StaffMessages } from './staff-messages.js';
import { StaffNames } from './staff-names.js';

const MeasureParams = z.object({ id: z.uuid(), measureId: z.uuid() });
const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const EventParams = z.object({ id: z.uuid(), eventId: z.uuid() });



/**
 * What staff record on a case they hold: each write is one encrypted journal
 * entry (CaseWorkService). Supervisors and caseworkers only; the vault
 * refuses a case without a grant (403); auditors and admins never write here.
 */
@ApiTags('case work')
@Controller()
@Roles('supervisor', 'caseworker')
export class CaseWorkController {
  constructor(
    private readonly work: CaseWorkService,
    private readonly drafts: CaseDrafts,
    private readonly messages: StaffMessages,
    private readonly downloads: CaseDownloads,
    private readonly staffNames: StaffNames,
    private readonly assigneeAccess: AssigneeAccess,
    private readonly reassignment: CaseReassignment,
  ) {}

  @Post('cases/:id/status')
  @ApiSchemas({ body: StatusChange, responses: { 201: Written } })
  async changeStatus(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(StatusChange) body: StatusChange) {
    return written(await this.work.changeStatus(staff, parseParams(CaseParams, request).id, body));
  }

  @Post('cases/:id/contact-attempts')
  @ApiSchemas({ body: ContactAttempt, responses: { 201: Written } })
  async contact(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(ContactAttempt) body: ContactAttempt) {
    return written(await this.work.logContactAttempt(staff, parseParams(CaseParams, request).id, body));
  }

  @Post('cases/:id/assessments')
  @ApiSchemas({ body: RiskAssessmentInput, responses: { 201: Written } })
  async assess(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(RiskAssessmentInput) body: RiskAssessmentInput) {
    return written(await this.work.assessRisk(staff, parseParams(CaseParams, request).id, body));
  }

  @Post('cases/:id/legal-bases')
  @ApiSchemas({ body: LegalBasisCitation, responses: { 201: Written } })
  async cite(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(LegalBasisCitation) body: LegalBasisCitation) {
    return written(await this.work.citeLegalBasis(staff, parseParams(CaseParams, request).id, body));
  }

  @Post('cases/:id/legal-bases/withdraw')
  @ApiSchemas({ body: LegalBasisWithdrawal, responses: { 201: Written } })
  async withdraw(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(LegalBasisWithdrawal) body: LegalBasisWithdrawal) {
    return written(await this.work.withdrawLegalBasis(staff, parseParams(CaseParams, request).id, body));
  }

  @Post('cases/:id/measures')
  @ApiSchemas({ body: NewMeasure, responses: { 201: Written } })
  async addMeasure(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(NewMeasure) body: NewMeasure) {
    return written(await this.work.addMeasure(staff, parseParams(CaseParams, request).id, body));
  }

  @Patch('cases/:id/measures/:measureId')
  @HttpCode(201)
  @ApiSchemas({ body: MeasureUpdate, responses: { 201: Written } })
  async updateMeasure(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(MeasureUpdate) body: MeasureUpdate) {
    const { id, measureId } = parseParams(MeasureParams, request);
    return written(await this.work.updateMeasure(staff, id, measureId, body));
  }

  /** Several cases to one person: each assigned (and granted) and audited on its own; the refused ones listed with their reason. */
  @Post('cases/reassignment')
  @ApiSchemas({ body: BulkReassignment, responses: { 201: BulkReassignmentResult } })
  async reassign(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(BulkReassignment) body: BulkReassignment): Promise<BulkReassignmentResult> {
    return BulkReassignmentResult.parse(await this.reassignment.reassign(staff, body, negotiateLocale(request.headers['accept-language'])));
  }

  /** Gives the person responsible their access back (after a password reset): one grant, no second assignment. */
  @Post('cases/:id/assignee-access')
  @ApiSchemas({ responses: { 201: AssigneeAccessRestored } })
  async restoreAssigneeAccess(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember): Promise<AssigneeAccessRestored> {
    return AssigneeAccessRestored.parse(await this.assigneeAccess.restore(staff, parseParams(CaseParams, request).id));
  }

  @Post('cases/:id/assignment')
  @ApiSchemas({ body: Assignment, responses: { 201: Written } })
  async assign(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(Assignment) body: Assignment) {
    return written(await this.work.assign(staff, parseParams(CaseParams, request).id, body));
  }

  @Post('cases/:id/notes')
  @ApiSchemas({ body: CaseNote, responses: { 201: Written } })
  async note(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(CaseNote) body: CaseNote) {
    const caseId = parseParams(CaseParams, request).id;
    const entry = await this.work.addNote(staff, caseId, body);
    await this.drafts.discard(staff, caseId);
    return written(entry);
  }

  @Post('cases/:id/agenda-events')
  @ApiSchemas({ body: NewAgendaEvent, responses: { 201: Written } })
  async agendaEvent(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(NewAgendaEvent) body: NewAgendaEvent) {
    return written(await this.work.addAgendaEvent(staff, parseParams(CaseParams, request).id, body));
  }

  @Post('cases/:id/agenda-events/:eventId/cancel')
  @ApiSchemas({ body: AgendaEventCancellation, responses: { 201: Written } })
  async cancelAgendaEvent(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(AgendaEventCancellation) body: AgendaEventCancellation) {
    const { id, eventId } = parseParams(EventParams, request);
    return written(await this.work.cancelAgendaEvent(staff, id, eventId, body));
  }

  @Put('cases/:id/draft')
  @HttpCode(204)
  @ApiSchemas({ body: CaseDraft, responses: { 204: z.void() } })
  async saveDraft(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(CaseDraft) body: CaseDraft): Promise<void> {
    await this.drafts.save(staff, parseParams(CaseParams, request).id, body.body);
  }

  @Delete('cases/:id/draft')
  @HttpCode(204)
  async discardDraft(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember): Promise<void> {
    await this.drafts.discard(staff, parseParams(CaseParams, request).id);
  }

  @Post('cases/:id/messages')
  @ApiSchemas({ body: StaffMessage, responses: { 201: Written } })
  async message(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(StaffMessage) body: StaffMessage) {
    return written(await this.messages.send(staff, parseParams(CaseParams, request).id, body.body));
  }

  /** Always an attachment, never rendered by the browser: the bytes are the defender's, not ours. */
  @Get('cases/:id/attachments/:fileId')
  async download(@Req() request: Request, @Res() response: Response, @CurrentStaff() staff: CurrentStaffMember): Promise<void> {
    const { id, fileId } = parseParams(FileParams, request);
    await this.downloads.send(staff, id, fileId, response);
  }

  @Get('assignees')
  @ApiSchemas({ responses: { 200: z.array(Assignee) } })
  async assignees(): Promise<Assignee[]> {
    return this.staffNames.assignees();
  }
}
