//! Generated personal data (names, ID numbers, phone numbers) and organisation names for
//! seed rows. All values are synthetic; the ID numbers carry a valid check digit.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use crate::rng::Rng;

const SURNAMES: [&str; 40] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
];

const GIVEN: [&str; 48] = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "萍", "红", "鹏", "辉", "建", "林",
    "琳", "欣", "宇", "浩", "婷", "雪", "晨", "俊", "蓉", "川", "锦", "梅", "嘉", "怡", "然", "帆",
];

const FIRM_WORDS: [&str; 32] = [
    "天府", "锦城", "蜀都", "芙蓉", "西岭", "青城", "峨眉", "岷江", "浣花", "宽窄", "银杏", "熊猫",
    "金沙", "都江", "龙泉", "望丛", "东坡", "文翁", "少陵", "锦江", "蜀锦", "川西", "天鹅", "麓湖",
    "兴蓉", "华西", "蓉欧", "新川", "双楠", "玉垒", "邛窑", "杜鹃",
];

const FIRM_TRADES: [&str; 16] = [
    "科技",
    "机械",
    "食品",
    "物流",
    "建设",
    "电子",
    "医药",
    "商贸",
    "软件",
    "汽车配件",
    "农业",
    "文化传媒",
    "环保",
    "餐饮",
    "家具",
    "信息技术",
];

/// A plausible Chinese personal name (two or three characters).
pub fn person_name(rng: &mut Rng) -> String {
    let mut name = String::new();
    name.push_str(rng.pick(&SURNAMES).copied().unwrap_or("王"));
    name.push_str(rng.pick(&GIVEN).copied().unwrap_or("华"));
    if rng.chance(0.6) {
        name.push_str(rng.pick(&GIVEN).copied().unwrap_or("华"));
    }
    name
}

/// A company name such as `成都天府科技有限公司`.
pub fn company_name(rng: &mut Rng) -> String {
    let word = rng.pick(&FIRM_WORDS).copied().unwrap_or("天府");
    let trade = rng.pick(&FIRM_TRADES).copied().unwrap_or("科技");
    format!("成都{word}{trade}有限公司")
}

/// An 18-digit resident ID number for someone registered in `district_code` and born on
/// `birth`, with the GB 11643 check digit.
pub fn id_number(rng: &mut Rng, district_code: &str, birth: NaiveDate) -> String {
    let mut id = String::with_capacity(18);
    id.push_str(district_code.get(..6).unwrap_or("510104"));
    id.push_str(&format!(
        "{:04}{:02}{:02}",
        birth.year(),
        birth.month(),
        birth.day()
    ));
    id.push_str(&format!("{:03}", rng.below(1000)));
    id.push(id_check_digit(&id));
    id
}

/// Resident ID numbers that are unique within one seeded table (its unique index requires
/// it): [`id_number`] drawn again, from the same stream, until it is one not given yet.
#[derive(Default)]
pub struct UniqueIdNumbers {
    given: HashSet<String>,
}

impl UniqueIdNumbers {
    pub fn next(&mut self, rng: &mut Rng, district_code: &str, birth: NaiveDate) -> String {
        loop {
            let number = id_number(rng, district_code, birth);
            if self.given.insert(number.clone()) {
                return number;
            }
        }
    }
}

fn id_check_digit(first17: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let sum: u32 = first17
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    CHECK[(sum % 11) as usize]
}

/// A mainland mobile number (11 digits).
pub fn phone_number(rng: &mut Rng) -> String {
    const PREFIXES: [&str; 8] = ["138", "139", "135", "136", "158", "159", "180", "189"];
    let prefix = rng.pick(&PREFIXES).copied().unwrap_or("138");
    format!("{prefix}{:08}", rng.below(100_000_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_numbers_have_valid_check_digits() {
        // A published example of the GB 11643 algorithm.
        assert_eq!(id_check_digit("11010519491231002"), 'X');
        let mut rng = Rng::new(1);
        let birth = NaiveDate::from_ymd_opt(1990, 5, 4).unwrap_or_default();
        let id = id_number(&mut rng, "510107", birth);
        assert_eq!(id.len(), 18);
        assert!(id.starts_with("51010719900504"));
        assert_eq!(id.chars().last(), Some(id_check_digit(&id[..17])));
    }

    #[test]
    fn names_and_phones_look_right() {
        let mut rng = Rng::new(2);
        for _ in 0..100 {
            let n = person_name(&mut rng).chars().count();
            assert!((2..=3).contains(&n));
            let p = phone_number(&mut rng);
            assert_eq!(p.len(), 11);
            assert!(company_name(&mut rng).ends_with("有限公司"));
        }
    }
}
