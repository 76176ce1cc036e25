import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../api/problem';
import type { PlanChangeOutcome, TrackingPlan } from '../api/types';
import type { MessageKey } from '../i18n';
import { useConsole, useDisplayName, useT } from '../shell/context';
import { ErrorState } from '../shell/states';
import { asApiError } from '../shell/useRemote';
import { ChangeList } from './ChangeList';
import { applyEdit, fieldErrors, LISTS, nameProblem, planErrors, prefixProblem, type PlanEdit } from './edit';

const STATUSES = ['ACTIVE', 'DRAFT', 'DEPRECATED', 'HIDDEN'];
const COLLECTED_BY = ['FRONT_END', 'BACK_END', 'BOTH'];
const TYPES = ['STRING', 'NUMBER', 'BOOL', 'DATETIME', 'DATE', 'LIST'];
const PII = ['NONE', 'MASK', 'HASH', 'FORBIDDEN'];

const TITLES: Readonly<Record<PlanEdit['kind'], [MessageKey, MessageKey]>> = {
  event: ['plan.edit.newEvent', 'plan.edit.event'],
  property: ['plan.edit.newProperty', 'plan.edit.property'],
  line: ['plan.edit.newLine', 'plan.edit.line'],
};

/**
 * Edits one event, property or business line of the plan, or adds one. Saving goes as an import
 * does: the edited plan is sent as a dry run first and its diff shown; only a previewed edit can be
 * saved, as a new version. The server's reasons for refusing it are shown on the fields they name,
 * and all of them above the buttons.
 */
export default function PlanEditDrawer(props: {
  plan: TrackingPlan;
  edit: PlanEdit | null;
  onClose: () => void;
  onSaved: (version: number) => void;
}) {
  const t = useT();
  const { edit, plan } = props;
  const { client, project } = useConsole();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [preview, setPreview] = useState<{ outcome: PlanChangeOutcome; plan: TrackingPlan } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);

  const close = () => {
    setPreview(null);
    setError(null);
    props.onClose();
  };

  const runPreview = async () => {
    if (edit === null) return;
    let values: Record<string, unknown>;
    try {
      values = (await form.validateFields()) as Record<string, unknown>;
    } catch {
      return; // the form shows what is wrong next to each field
    }
    const edited = applyEdit(plan, { ...edit, item: { ...edit.item, ...values } } as PlanEdit);
    setBusy('preview');
    setError(null);
    try {
      setPreview({ outcome: await client.replacePlan(project, edited.plan, true), plan: edited.plan });
    } catch (e) {
      const failure = asApiError(e);
      setError(failure);
      setPreview(null);
      const byField = fieldErrors(planErrors(failure.problem.extensions.errors), edit.kind, edited.index);
      form.setFields(
        [...byField].map(([field, errors]) => ({
          name: field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
          errors,
        })),
      );
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if (preview === null) return;
    setBusy('save');
    setError(null);
    try {
      const outcome = await client.replacePlan(project, preview.plan, false);
      void message.success(t('plan.saved', { version: outcome.version }));
      setPreview(null);
      props.onSaved(outcome.version);
    } catch (e) {
      setError(asApiError(e));
      setPreview(null);
    } finally {
      setBusy(null);
    }
  };

  const [newTitle, editTitle] = edit ? TITLES[edit.kind] : TITLES.event;
  return (
    <Drawer
      open={edit !== null}
      width={720}
      className="plan-edit-drawer"
      destroyOnHidden
      title={edit ? (edit.isNew ? t(newTitle) : `${t(editTitle)} · ${edit.item.name}`) : ''}
      onClose={close}
      footer={
        <Space direction="vertical" style={{ width: '100%' }}>
          {error && (
            <div className="plan-edit-error">
              <ErrorState error={error} />
            </div>
          )}
          {preview &&
            (preview.outcome.changes.length === 0 ? (
              <Alert type="info" showIcon message={t('plan.noChanges')} />
            ) : (
              <div className="plan-edit-preview-result">
                <Alert
                  type="warning"
                  showIcon
                  message={t('plan.changes', {
                    count: preview.outcome.changes.length,
                    base: preview.outcome.base_version,
                    version: preview.outcome.version,
                  })}
                />
                <ChangeList changes={preview.outcome.changes} />
              </div>
            ))}
          <Space>
            <Button className="plan-edit-preview" loading={busy === 'preview'} onClick={() => void runPreview()}>
              {t('plan.preview')}
            </Button>
            <Button
              type="primary"
              className="plan-edit-save"
              loading={busy === 'save'}
              disabled={preview === null || preview.outcome.changes.length === 0}
              onClick={() => void save()}
            >
              {t('plan.edit.save')}
            </Button>
            <Button onClick={close}>{t('plan.edit.cancel')}</Button>
          </Space>
        </Space>
      }
    >
      {edit && (
        <Form
          form={form}
          name="plan-edit"
          layout="vertical"
          initialValues={edit.item}
          // Only a previewed edit is saved: any change asks for a new preview.
          onValuesChange={() => setPreview(null)}
        >
          <NameField edit={edit} plan={plan} />
          {edit.kind === 'event' && <EventFields plan={plan} form={form} />}
          {edit.kind === 'property' && <PropertyFields isNew={edit.isNew} form={form} />}
          {edit.kind === 'line' && <LineFields plan={plan} name={edit.item.name} />}
        </Form>
      )}
    </Drawer>
  );
}

/** A name is given once: renaming would remove an item and add another, which the server refuses for active ones. */
function NameField({ edit, plan }: { edit: PlanEdit; plan: TrackingPlan }) {
  const t = useT();
  const taken = plan[LISTS[edit.kind]].map((item) => item.name);
  return (
    <Form.Item
      name="name"
      label={t('plan.col.name')}
      rules={
        edit.isNew
          ? [
              {
                validator: async (_, value: string | undefined) => {
                  const problem = nameProblem(value ?? '', taken);
                  if (problem !== null) throw new Error(t(`plan.edit.problem.${problem}`));
                },
              },
            ]
          : []
      }
    >
      <Input disabled={!edit.isNew} autoComplete="off" />
    </Form.Item>
  );
}

function DisplayNames() {
  const t = useT();
  return (
    <Space.Compact block>
      <Form.Item name="display_name" label={t('plan.edit.displayName')} style={{ flex: 1 }} rules={[{ max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="display_name_en" label={t('plan.edit.displayNameEn')} style={{ flex: 1 }} rules={[{ max: 100 }]}>
        <Input />
      </Form.Item>
    </Space.Compact>
  );
}

function codeOptions(codes: readonly string[], label: (code: string) => string) {
  return codes.map((code) => ({ value: code, label: label(code) }));
}

function EventFields({ plan, form }: { plan: TrackingPlan; form: FormInstance }) {
  const t = useT();
  const name = useDisplayName();
  const lineName = Form.useWatch<string | null>('business_line', form);
  const prefix = plan.business_lines.find((l) => l.name === lineName)?.event_prefix ?? null;
  return (
    <>
      <DisplayNames />
      <Form.Item name="description" label={t('plan.edit.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        name="business_line"
        label={t('plan.col.businessLine')}
        // The server decides whether the name fits the line (the longest matching prefix wins);
        // the hint only says what it will ask.
        extra={prefix ? t('plan.edit.prefixHint', { prefix }) : undefined}
      >
        <Select
          allowClear
          className="plan-edit-line"
          options={plan.business_lines.map((l) => ({ value: l.name, label: name(l.display_name, l.display_name_en, l.name) }))}
        />
      </Form.Item>
      <Space size="large">
        <Form.Item name="collected_by" label={t('plan.col.collectedBy')}>
          <Select style={{ width: 160 }} className="plan-edit-collected-by" options={codeOptions(COLLECTED_BY, (c) => t(`plan.collectedBy.${c}` as MessageKey))} />
        </Form.Item>
        <Form.Item name="status" label={t('plan.col.status')}>
          <Select style={{ width: 160 }} options={codeOptions(STATUSES, (c) => t(`plan.status.${c}` as MessageKey))} />
        </Form.Item>
      </Space>
      <Form.Item name="trigger" label={t('plan.col.trigger')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Typography.Text strong>{t('plan.col.properties')}</Typography.Text>
      <Form.List name="properties">
        {(rows, { add, remove }) => (
          <div className="plan-edit-properties">
            {rows.map((row) => (
              <Space key={row.key} align="baseline" className="plan-edit-property-row">
                <Form.Item name={[row.name, 'name']} rules={[{ required: true, message: t('plan.edit.problem.REQUIRED') }]}>
                  <Select
                    showSearch
                    style={{ width: 360 }}
                    className="plan-edit-property-name"
                    options={plan.properties.map((p) => ({ value: p.name, label: `${p.name} · ${name(p.display_name, p.display_name_en, p.name)}` }))}
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'required']} valuePropName="checked">
                  <Checkbox className="plan-edit-property-required">{t('plan.required')}</Checkbox>
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('plan.edit.remove')} onClick={() => remove(row.name)} />
              </Space>
            ))}
            <div>
              <Button type="dashed" icon={<PlusOutlined />} className="plan-edit-add-property" onClick={() => add({ name: undefined, required: false })}>
                {t('plan.edit.addProperty')}
              </Button>
            </div>
          </div>
        )}
      </Form.List>
    </>
  );
}

function PropertyFields({ isNew, form }: { isNew: boolean; form: FormInstance }) {
  const t = useT();
  const type = Form.useWatch<string>('type', form);
  return (
    <>
      <DisplayNames />
      <Form.Item name="description" label={t('plan.edit.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Space size="large" wrap>
        {/* A property keeps its type forever (TYPE_CHANGED): stored values have it. */}
        <Form.Item name="type" label={t('plan.col.type')} extra={isNew ? undefined : t('plan.edit.typeFixed')}>
          <Select style={{ width: 160 }} disabled={!isNew} options={codeOptions(TYPES, (c) => c)} />
        </Form.Item>
        <Form.Item name="unit" label={t('plan.col.unit')} rules={[{ max: 20 }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="pii" label={t('plan.col.pii')}>
          <Select style={{ width: 140 }} options={codeOptions(PII, (c) => c)} />
        </Form.Item>
        <Form.Item name="collected_by" label={t('plan.col.collectedBy')}>
          <Select style={{ width: 140 }} options={codeOptions(COLLECTED_BY, (c) => t(`plan.collectedBy.${c}` as MessageKey))} />
        </Form.Item>
        <Form.Item name="status" label={t('plan.col.status')}>
          <Select style={{ width: 140 }} options={codeOptions(STATUSES, (c) => t(`plan.status.${c}` as MessageKey))} />
        </Form.Item>
      </Space>
      <Space size="large" wrap>
        {type === 'NUMBER' && (
          <>
            <Form.Item name="min" label={t('plan.edit.min')}>
              <InputNumber />
            </Form.Item>
            <Form.Item
              name="max"
              label={t('plan.edit.max')}
              dependencies={['min']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, max: number | null | undefined) => {
                    const min = getFieldValue('min') as number | null | undefined;
                    if (min != null && max != null && min > max) throw new Error(t('plan.edit.problem.INVALID_BOUNDS'));
                  },
                }),
              ]}
            >
              <InputNumber />
            </Form.Item>
          </>
        )}
        {(type === 'STRING' || type === 'LIST') && (
          <Form.Item name="max_length" label={t('plan.edit.maxLength')}>
            <InputNumber min={1} max={65535} precision={0} />
          </Form.Item>
        )}
        <Form.Item name="common" valuePropName="checked" label=" ">
          <Checkbox>{t('plan.edit.common')}</Checkbox>
        </Form.Item>
      </Space>
      {(type === 'STRING' || type === 'NUMBER' || type === 'LIST') && (
        <>
          <Typography.Text strong>{t('plan.col.values')}</Typography.Text>
          <Form.List name="values">
            {(rows, { add, remove }) => (
              <div className="plan-edit-values">
                {rows.map((row) => (
                  <Space key={row.key} align="baseline" className="plan-edit-value-row">
                    <Form.Item name={[row.name, 'value']} rules={[{ required: true, message: t('plan.edit.problem.REQUIRED') }]}>
                      <Input placeholder={t('plan.edit.value')} className="plan-edit-value" style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'label']} rules={[{ max: 100 }]}>
                      <Input placeholder={t('plan.edit.label')} className="plan-edit-value-label" style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'label_en']} rules={[{ max: 100 }]}>
                      <Input placeholder={t('plan.edit.labelEn')} className="plan-edit-value-label-en" style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'deprecated']} valuePropName="checked">
                      <Checkbox>{t('plan.status.DEPRECATED')}</Checkbox>
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('plan.edit.remove')} onClick={() => remove(row.name)} />
                  </Space>
                ))}
                <div>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    className="plan-edit-add-value"
                    onClick={() => add({ value: '', label: null, label_en: null, deprecated: false })}
                  >
                    {t('plan.edit.addValue')}
                  </Button>
                </div>
              </div>
            )}
          </Form.List>
        </>
      )}
    </>
  );
}

function LineFields({ plan, name }: { plan: TrackingPlan; name: string }) {
  const t = useT();
  const others = plan.business_lines.filter((l) => l.name !== name).map((l) => l.event_prefix);
  return (
    <>
      <Form.Item
        name="event_prefix"
        label={t('plan.col.prefix')}
        extra={t('plan.edit.prefixRule')}
        rules={[
          {
            validator: async (_, value: string | null | undefined) => {
              const problem = prefixProblem(value ?? null, others);
              if (problem !== null) throw new Error(t(`plan.edit.problem.${problem}`));
            },
          },
        ]}
      >
        <Input style={{ width: 200 }} autoComplete="off" />
      </Form.Item>
      <DisplayNames />
      <Form.Item name="owner" label={t('plan.col.owner')}>
        <Input />
      </Form.Item>
    </>
  );
}
