import { Form, type FormInstance, Select } from 'antd';
import { admin as t } from '../../i18n/admin.ts';
import { common } from '../../i18n/common.ts';
import { useLeaders, useUnits } from '../directory/directory-api.ts';
import { roleCodes, unitKindFor } from './user-form.ts';

/**
 * Roles, and what they bind to: a 股室/学校 role needs its unit (from the directory, of that kind),
 * a 局领导 role names the leader the account is.
 */
export function BindingFields<T extends { roles: string[] }>({ form }: { form: FormInstance<T> }) {
  const roles = Form.useWatch('roles', form) as string[] | undefined;
  const unitKind = unitKindFor(roles);
  const units = useUnits(unitKind);
  const leaders = useLeaders();
  return (
    <>
      <Form.Item
        label={t.users.roles}
        name="roles"
        extra={t.users.rolesHelp}
        rules={[{ required: true, type: 'array', min: 1, message: t.users.rolesRequired }]}
      >
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={roleCodes.map((role) => ({ value: role, label: common.account.roles[role] }))}
          placeholder={t.users.roles}
        />
      </Form.Item>
      {unitKind ? (
        <Form.Item
          label={t.users.unit}
          name="unit"
          extra={unitKind === 'school' ? t.users.unitHelpSchool : t.users.unitHelpDepartment}
        >
          <Select
            showSearch
            loading={units.isPending}
            placeholder={t.users.unitPlaceholder}
            options={(units.data ?? []).map((u) => ({ value: u.name, label: u.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
      ) : null}
      {roles?.includes('leader') ? (
        <Form.Item label={t.users.leader} name="leader">
          <Select
            showSearch
            allowClear
            loading={leaders.isPending}
            placeholder={t.users.leaderPlaceholder}
            options={(leaders.data ?? []).map((l) => ({
              value: l.name,
              label: l.title ? `${l.name}（${l.title}）` : l.name,
            }))}
            optionFilterProp="label"
          />
        </Form.Item>
      ) : null}
    </>
  );
}
