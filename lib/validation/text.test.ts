import { describe, it, expect } from 'vitest';
import { charCount, nameText, addressText, plainText, nameTextError, NAME_MAX, ADDRESS_MAX, TEXT_MAX } from './text';

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0]!.message);

describe('nameText', () => {
  const schema = nameText('主办单位名称');

  it('accepts ordinary names, trimmed, up to 100 characters (an astral character counts once)', () => {
    expect(schema.parse('  北京云帆科技有限公司 ')).toBe('北京云帆科技有限公司');
    expect(schema.safeParse('云'.repeat(NAME_MAX)).success).toBe(true);
    expect(schema.safeParse('𠀀'.repeat(NAME_MAX)).success).toBe(true);
    expect(charCount('𠀀云')).toBe(2);
    expect(schema.safeParse('Café Zoë（北京）有限公司 · 中心').success).toBe(true);
    // Two combining marks (a Vietnamese letter written decomposed) are a real spelling.
    expect(schema.safeParse('Nguye\u0302\u0303n').success).toBe(true);
  });

  it('refuses more than 100 characters with the field name, however long', () => {
    expect(messageOf(schema.safeParse('云'.repeat(NAME_MAX + 1)))).toBe('主办单位名称不能超过100个字');
    expect(messageOf(schema.safeParse('某'.repeat(100_001)))).toBe('主办单位名称不能超过100个字');
  });

  it.each([
    ['NUL', '云帆\u0000科技有限公司', '主办单位名称不能包含控制字符'],
    ['tab', '云帆\t科技有限公司', '主办单位名称不能包含控制字符'],
    ['newline', '云帆\n科技有限公司', '主办单位名称不能包含控制字符'],
    ['DEL', '云帆\u007f科技有限公司', '主办单位名称不能包含控制字符'],
    ['C1 control', '云帆\u0085科技有限公司', '主办单位名称不能包含控制字符'],
    ['RLO override', '云帆\u202E司公限有技科', '主办单位名称不能包含改变文字方向的控制字符'],
    ['LRE embedding', '\u202A云帆科技有限公司', '主办单位名称不能包含改变文字方向的控制字符'],
    ['RLI isolate', '云帆\u2067科技\u2069有限公司', '主办单位名称不能包含改变文字方向的控制字符'],
    ['RLM mark', '云帆科技有限公司\u200F', '主办单位名称不能包含改变文字方向的控制字符'],
    ['Arabic letter mark', '云帆\u061C科技有限公司', '主办单位名称不能包含改变文字方向的控制字符'],
    ['zero-width space', '云帆\u200B科技有限公司', '主办单位名称不能包含零宽字符等不可见字符'],
    ['zero-width joiner', '云帆\u200D科技有限公司', '主办单位名称不能包含零宽字符等不可见字符'],
    ['word joiner', '云帆\u2060科技有限公司', '主办单位名称不能包含零宽字符等不可见字符'],
    ['BOM', '云帆\uFEFF科技有限公司', '主办单位名称不能包含零宽字符等不可见字符'],
    ['soft hyphen', '云帆\u00AD科技有限公司', '主办单位名称不能包含零宽字符等不可见字符'],
    ['Hangul filler', '云帆\u3164科技有限公司', '主办单位名称不能包含零宽字符等不可见字符'],
    ['private use', '云帆\uE000科技有限公司', '主办单位名称不能包含零宽字符等不可见字符'],
    ['lone surrogate', '云帆\uD800科技有限公司', '主办单位名称不能包含零宽字符等不可见字符'],
    ['line separator', '云帆\u2028科技有限公司', '主办单位名称不能包含零宽字符等不可见字符'],
    ['combining run', '云帆科\u0301\u0302\u0303技有限公司', '主办单位名称不能包含连续叠加的组合符号'],
    ['Zalgo', 'Z\u0335\u0321\u0322\u0327a\u0336lgo有限公司', '主办单位名称不能包含连续叠加的组合符号'],
  ])('refuses a %s', (_what, value, message) => {
    expect(messageOf(schema.safeParse(value))).toBe(message);
    expect(nameTextError(value, '主办单位名称')).toBe(message);
  });

  it('answers a missing or non-string value in Chinese on the field', () => {
    expect(messageOf(schema.safeParse(undefined))).toBe('请填写主办单位名称');
    expect(messageOf(schema.safeParse(null))).toBe('请填写主办单位名称');
    expect(messageOf(schema.safeParse(42))).toBe('主办单位名称格式不正确');
    expect(messageOf(schema.safeParse({}))).toBe('主办单位名称格式不正确');
  });
});

describe('addressText', () => {
  it('allows 200 characters and refuses 201 and hidden characters', () => {
    const schema = addressText('单位办公详细地址');
    expect(schema.safeParse('路'.repeat(ADDRESS_MAX)).success).toBe(true);
    expect(messageOf(schema.safeParse('路'.repeat(ADDRESS_MAX + 1)))).toBe('单位办公详细地址不能超过200个字');
    expect(messageOf(schema.safeParse('建国路88号\u202E号1'))).toBe('单位办公详细地址不能包含改变文字方向的控制字符');
  });
});

describe('plainText', () => {
  const schema = plainText('退回原因');

  it('keeps line breaks and tabs, normalising CRLF, up to 2,000 characters', () => {
    expect(schema.parse(' 第一行\r\n第二行\t完 ')).toBe('第一行\n第二行\t完');
    expect(schema.safeParse('字'.repeat(TEXT_MAX)).success).toBe(true);
    expect(schema.safeParse('请补充材料\u200B').success).toBe(true);
  });

  it('refuses more than its limit, NUL and other controls, and bidi overrides', () => {
    expect(messageOf(schema.safeParse('字'.repeat(TEXT_MAX + 1)))).toBe('退回原因不能超过2000个字');
    expect(messageOf(plainText('审核意见', 200).safeParse('字'.repeat(201)))).toBe('审核意见不能超过200个字');
    expect(messageOf(schema.safeParse('材料\u0000不全'))).toBe('退回原因不能包含控制字符');
    expect(messageOf(schema.safeParse('材料\u001b[31m不全'))).toBe('退回原因不能包含控制字符');
    expect(messageOf(schema.safeParse('材料\u202E全不'))).toBe('退回原因不能包含改变文字方向的控制字符');
  });
});
