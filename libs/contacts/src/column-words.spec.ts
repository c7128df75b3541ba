import { describe, expect, it } from '@jest/globals';
import { planColumns } from './columns';
import { suggestMapping } from './column-words';

describe('suggestMapping (what the web app proposes before an upload)', () => {
  it('finds Chinese headers: 姓名, 手机, 电话 (in their order), 客户编号, 时区', () => {
    expect(suggestMapping(['姓名', '手机', '电话2', '客户编号', '时区', '备注'])).toEqual({
      name: '姓名',
      phone: ['手机', '电话2'],
      externalId: '客户编号',
      timeZone: '时区',
    });
  });

  it('finds English headers whatever their spelling, and proposes nothing for unknown ones', () => {
    expect(suggestMapping(['First Name', 'SURNAME', 'Mobile Phone', 'Colour'])).toEqual({
      firstName: 'First Name',
      lastName: 'SURNAME',
      phone: ['Mobile Phone'],
    });
    expect(suggestMapping(['a', 'b'])).toEqual({});
  });

  it('agrees with the importer: the suggestion given as the mapping plans the same columns', () => {
    const headers = ['联系人', '手机号码', '座机', '分组', 'Email'];
    const auto = planColumns(headers);
    const mapped = planColumns(headers, suggestMapping(headers));
    expect(mapped.used).toEqual(auto.used);
  });
});
