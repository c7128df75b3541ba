import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { xlsxRows } from './xlsx-preview';

const workbook = async (fill: (wb: ExcelJS.Workbook) => void): Promise<Blob> => {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]);
};

describe('the XLSX preview (read in the browser before the upload)', () => {
  it('reads the first sheet: shared strings, numbers, gaps, Chinese headers, only the rows asked for', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('客户');
      ws.addRow(['姓名', '手机', '备注']);
      ws.addRow(['张伟', '+8613800138001', 'a & b <c>']);
      ws.addRow(['李娜', 13800138002]);
      ws.getCell('C4').value = 'only C';
      for (let i = 0; i < 50; i++) ws.addRow([`n${i}`, `+86138001380${i}`]);
      wb.addWorksheet('second').addRow(['not', 'this']);
    });
    const rows = await xlsxRows(file, 4);
    expect(rows).toEqual([
      ['姓名', '手机', '备注'],
      ['张伟', '+8613800138001', 'a & b <c>'],
      ['李娜', '13800138002'],
      ['', '', 'only C'],
    ]);
  });

  it('says so when the file is not a zip', async () => {
    await expect(xlsxRows(new Blob(['name,phone\n']), 3)).rejects.toThrow('not a zip file');
  });
});
