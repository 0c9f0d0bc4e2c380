// The sign-in sheet's column vocabulary: the header aliases staff really write (README
// "Importing sign-in sheets").
#include <fmt/format.h>

#include "ldt/ingest/header.hpp"
#include "ldt/util/i18n.hpp"

namespace ldt {

const ColumnVocabulary& signin_columns() {
  static const ColumnVocabulary k_columns{
      {
          {"姓名", Field::name},
          {"学员姓名", Field::name},
          {"名字", Field::name},
          {"身份证号", Field::id_number},
          {"身份证号码", Field::id_number},
          {"证件号码", Field::id_number},
          {"公民身份号码", Field::id_number},
          {"联系电话", Field::phone},
          {"手机", Field::phone},
          {"手机号", Field::phone},
          {"手机号码", Field::phone},
          {"电话", Field::phone},
          {"家庭住址", Field::address},
          {"住址", Field::address},
          {"地址", Field::address},
          {"镇", Field::town},
          {"乡镇", Field::town},
          {"所在镇", Field::town},
          {"村", Field::village},
          {"所在村", Field::village},
          {"人员类别", Field::category},
          {"类别", Field::category},
          {"学员类型", Field::category},
          {"是否贫困户", Field::poor_household},
          {"贫困户", Field::poor_household},
          {"是否残疾人", Field::disabled},
          {"残疾", Field::disabled},
          {"签到时间", Field::signed_at},
          {"时间", Field::signed_at},
          {"日期", Field::signed_at},
          {"性别", Field::gender},
          {"备注", Field::note},
      },
      {
          {Field::name, "姓名", true, tr_noop("姓名 (name)")},
          {Field::id_number, "身份证号码 (身份证号/证件号码/公民身份号码)", true, tr_noop("身份证号码 (ID number)")},
          {Field::phone, "联系电话 (手机/手机号码/电话)"},
          {Field::address, "家庭住址"},
          {Field::town, "所在镇"},
          {Field::village, "所在村"},
          {Field::category, "人员类别"},
          {Field::poor_household, "是否贫困户"},
          {Field::disabled, "是否残疾人"},
          {Field::signed_at, "签到时间"},
      },
  };
  return k_columns;
}

std::string ColumnVocabulary::expected_columns() const {
  std::vector<std::string_view> shown;
  for (const auto& column : expected) shown.push_back(column.shown);
  return fmt::format("{}", fmt::join(shown, ", "));
}

}  // namespace ldt
