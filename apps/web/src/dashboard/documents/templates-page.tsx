import { INLINE_PLACEHOLDERS, SECTION_PLACEHOLDERS, type DocumentTemplateView } from '@mnpddh/shared';
import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { ActionForm } from '../case-work/action-form';
import { TextAreaField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { shortDateTime } from '../cases/when';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { Field } from '../forms/field';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { documentsApi } from './documents-api';
import { useDocumentsT } from './i18n';
import './documents.css';

/**
 * /personnel/admin/modeles (admins and supervisors): the text of the
 * documents, per kind and language. Templates are not case data; each save
 * is a new version (audited), and a save over someone else's newer version
 * is refused.
 */
export function DocumentTemplatesPage() {
  const t = useDocumentsT();
  const staffT = useStaffT();
  const { api } = useStaffSession();
  const [templates, setTemplates] = useState<DocumentTemplateView[] | null>(null);
  const [loadError, setLoadError] = useState<FormErrors | null>(null);

  const load = useCallback(async () => {
    try {
      setTemplates(await documentsApi.templates(api));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorsFrom(error, staffT));
    }
    // `staffT` is left out on purpose: a language change must not reload the list.
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>{t.templates.title}</h1>
      <p className="lead">{t.templates.lead}</p>
      <h2>{t.templates.placeholders}</h2>
      <dl className="template-placeholders">
        {[...INLINE_PLACEHOLDERS, ...SECTION_PLACEHOLDERS].map((name) => (
          <div key={name}>
            <dt>
              <code>{`{{${name}}}`}</code>
            </dt>
            <dd>{t.templates.placeholderHelp[name]}</dd>
          </div>
        ))}
      </dl>
      {templates ? (
        templates.map((template) => (
          <TemplateForm key={`${template.kind}-${template.language}-${template.revision}`} template={template} onSaved={() => void load()} />
        ))
      ) : loadError ? (
        <>
          <ErrorSummary errors={loadError} fieldIds={{}} />
          <button type="button" className="button" onClick={() => void load()}>
            {t.templates.retry}
          </button>
        </>
      ) : (
        <Loading label={t.templates.loading} />
      )}
    </>
  );
}

function TemplateForm({ template, onSaved }: { template: DocumentTemplateView; onSaved: () => void }) {
  const t = useDocumentsT();
  const [locale] = useLocale();
  const { api } = useStaffSession();
  const { busy, errors, saved, run } = useAction();
  const [title, setTitle] = useState(template.title);
  const [body, setBody] = useState(template.body);
  const prefix = `template-${template.kind}-${template.language}`;
  const ids = { title: `${prefix}-title`, body: `${prefix}-body`, revision: `${prefix}-title` };
  const heading = `${t.kinds[template.kind]} — ${t.languages[template.language]}`;
  const submit = async () => {
    if (await run(() => documentsApi.saveTemplate(api, template.kind, template.language, { title, body, revision: template.revision }))) onSaved();
  };
  return (
    <section className="case-section" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{heading}</h2>
      <p className="muted">
        {format(t.templates.version, {
          revision: template.revision,
          date: shortDateTime(template.updatedAt, locale),
          by: template.updatedByName ? format(t.templates.by, { name: template.updatedByName }) : '',
        })}
      </p>
      <ActionForm id={`${prefix}-form`} errors={errors} fieldIds={ids} busy={busy} saved={saved} submitLabel={t.templates.save} onSubmit={() => void submit()}>
        <Field
          id={ids.title}
          label={t.templates.titleField}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={errors.fields.title}
          maxLength={200}
        />
        <TextAreaField
          id={ids.body}
          label={t.templates.body}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          error={errors.fields.body}
          rows={18}
          className="template-body"
        />
      </ActionForm>
    </section>
  );
}
