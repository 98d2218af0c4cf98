import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
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
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiFile, ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
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

  @ApiOperation({ description: 'Moves a case to another status of its workflow.' })
  @Post('cases/:id/status')
  @ApiSchemas({ body: StatusChange, responses: { 201: Written } })
  async changeStatus(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(StatusChange) body: StatusChange,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    return written(await this.work.changeStatus(staff, params.id, body));
  }

  @ApiOperation({ description: 'Records an attempt to contact the defender.' })
  @Post('cases/:id/contact-attempts')
  @ApiSchemas({ body: ContactAttempt, responses: { 201: Written } })
  async contact(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(ContactAttempt) body: ContactAttempt,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    return written(await this.work.logContactAttempt(staff, params.id, body));
  }

  @ApiOperation({ description: 'Records a risk assessment of a case.' })
  @Post('cases/:id/assessments')
  @ApiSchemas({ body: RiskAssessmentInput, responses: { 201: Written } })
  async assess(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(RiskAssessmentInput) body: RiskAssessmentInput,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    return written(await this.work.assessRisk(staff, params.id, body));
  }

  @ApiOperation({ description: 'Cites a legal basis for the processing of a case.' })
  @Post('cases/:id/legal-bases')
  @ApiSchemas({ body: LegalBasisCitation, responses: { 201: Written } })
  async cite(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(LegalBasisCitation) body: LegalBasisCitation,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    return written(await this.work.citeLegalBasis(staff, params.id, body));
  }

  @ApiOperation({ description: 'Withdraws a legal basis cited for a case.' })
  @Post('cases/:id/legal-bases/withdraw')
  @ApiSchemas({ body: LegalBasisWithdrawal, responses: { 201: Written } })
  async withdraw(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(LegalBasisWithdrawal) body: LegalBasisWithdrawal,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    return written(await this.work.withdrawLegalBasis(staff, params.id, body));
  }

  @ApiOperation({ description: 'Adds a protection measure to a case.' })
  @Post('cases/:id/measures')
  @ApiSchemas({ body: NewMeasure, responses: { 201: Written } })
  async addMeasure(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(NewMeasure) body: NewMeasure,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    return written(await this.work.addMeasure(staff, params.id, body));
  }

  @ApiOperation({ description: "Updates a protection measure's status or details." })
  @Patch('cases/:id/measures/:measureId')
  @HttpCode(201)
  @ApiSchemas({ body: MeasureUpdate, responses: { 201: Written } })
  async updateMeasure(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(MeasureUpdate) body: MeasureUpdate,
    @ValidParams(MeasureParams) params: z.infer<typeof MeasureParams>,
  ) {
    const { id, measureId } = params;
    return written(await this.work.updateMeasure(staff, id, measureId, body));
  }

  /** Several cases to one person: each assigned (and granted) and audited on its own; the refused ones listed with their reason. */
  @ApiOperation({ description: 'Assigns several cases to one staff member, each on its own; lists the ones refused and why.' })
  @Post('cases/reassignment')
  @ApiSchemas({ body: BulkReassignment, responses: { 201: BulkReassignmentResult } })
  async reassign(
    @Req() request: Request,
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(BulkReassignment) body: BulkReassignment,
  ): Promise<BulkReassignmentResult> {
    return BulkReassignmentResult.parse(await this.reassignment.reassign(staff, body, negotiateLocale(request.headers['accept-language'])));
  }

  /** Gives the person responsible their access back (after a password reset): one grant, no second assignment. */
  @ApiOperation({ description: 'Gives the person responsible for a case their access back after a password reset.' })
  @Post('cases/:id/assignee-access')
  @ApiSchemas({ responses: { 201: AssigneeAccessRestored } })
  async restoreAssigneeAccess(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ): Promise<AssigneeAccessRestored> {
    return AssigneeAccessRestored.parse(await this.assigneeAccess.restore(staff, params.id));
  }

  @ApiOperation({ description: 'Assigns a case to a staff member and grants them its key.' })
  @Post('cases/:id/assignment')
  @ApiSchemas({ body: Assignment, responses: { 201: Written } })
  async assign(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(Assignment) body: Assignment,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    return written(await this.work.assign(staff, params.id, body));
  }

  @ApiOperation({ description: 'Adds an internal note to a case.' })
  @Post('cases/:id/notes')
  @ApiSchemas({ body: CaseNote, responses: { 201: Written } })
  async note(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(CaseNote) body: CaseNote, @ValidParams(CaseParams) params: z.infer<typeof CaseParams>) {
    const caseId = params.id;
    const entry = await this.work.addNote(staff, caseId, body);
    await this.drafts.discard(staff, caseId);
    return written(entry);
  }

  @ApiOperation({ description: 'Plans an agenda event for a case (a call, a visit, a deadline).' })
  @Post('cases/:id/agenda-events')
  @ApiSchemas({ body: NewAgendaEvent, responses: { 201: Written } })
  async agendaEvent(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(NewAgendaEvent) body: NewAgendaEvent,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    return written(await this.work.addAgendaEvent(staff, params.id, body));
  }

  @ApiOperation({ description: 'Cancels a planned agenda event of a case.' })
  @Post('cases/:id/agenda-events/:eventId/cancel')
  @ApiSchemas({ body: AgendaEventCancellation, responses: { 201: Written } })
  async cancelAgendaEvent(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(AgendaEventCancellation) body: AgendaEventCancellation,
    @ValidParams(EventParams) params: z.infer<typeof EventParams>,
  ) {
    const { id, eventId } = params;
    return written(await this.work.cancelAgendaEvent(staff, id, eventId, body));
  }

  @ApiOperation({ description: 'Saves the note the caller is typing on a case, encrypted, so a timeout loses nothing.' })
  @Put('cases/:id/draft')
  @HttpCode(204)
  @ApiSchemas({ body: CaseDraft, responses: { 204: z.void() } })
  async saveDraft(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(CaseDraft) body: CaseDraft,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ): Promise<void> {
    await this.drafts.save(staff, params.id, body.body);
  }

  @ApiOperation({ description: 'Discards the note the caller was typing on a case.' })
  @Delete('cases/:id/draft')
  @ApiSchemas({ responses: { 204: z.void() } })
  @HttpCode(204)
  async discardDraft(@CurrentStaff() staff: CurrentStaffMember, @ValidParams(CaseParams) params: z.infer<typeof CaseParams>): Promise<void> {
    await this.drafts.discard(staff, params.id);
  }

  @ApiOperation({ description: "Sends a message to the defender in the case's follow-up thread." })
  @Post('cases/:id/messages')
  @ApiSchemas({ body: StaffMessage, responses: { 201: Written } })
  async message(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(StaffMessage) body: StaffMessage,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    return written(await this.messages.send(staff, params.id, body.body));
  }

  /** Always an attachment, never rendered by the browser: the bytes are the defender's, not ours. */
  @ApiOperation({ description: 'Downloads a file attached to a case (always an attachment, never rendered).' })
  @Get('cases/:id/attachments/:fileId')
  @ApiFile('application/octet-stream')
  async download(
    @Res() response: Response,
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidParams(FileParams) params: z.infer<typeof FileParams>,
  ): Promise<void> {
    const { id, fileId } = params;
    await this.downloads.send(staff, id, fileId, response);
  }

  @ApiOperation({ description: 'Lists the staff members a case can be assigned to.' })
  @Get('assignees')
  @ApiSchemas({ responses: { 200: z.array(Assignee) } })
  async assignees(): Promise<Assignee[]> {
    return this.staffNames.assignees();
  }
}
