package io.cardwatch.detector.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MerchantCategoriesTest {

    @ParameterizedTest(name = "[{index}] {0} is {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # merchant category (ISO 18245) | group
            # money transfer sits among the transport codes, and cash at banks, ATMs and quasi-cash
            4829 | cash-and-transfers
            6010 | cash-and-transfers
            6011 | cash-and-transfers
            6012 | cash-and-transfers
            6050 | cash-and-transfers
            6051 | cash-and-transfers
            6540 | cash-and-transfers
            # airlines, car rental and hotels by brand (3000-3999), and airlines, travel agencies, hotels, car rental
            3000 | travel
            3999 | travel
            4511 | travel
            4722 | travel
            7011 | travel
            7512 | travel
            5411 | groceries
            5422 | groceries
            5441 | groceries
            5451 | groceries
            5462 | groceries
            5499 | groceries
            5811 | eating-out
            5812 | eating-out
            5814 | eating-out
            5172 | fuel
            5541 | fuel
            5542 | fuel
            5983 | fuel
            5815 | digital-goods
            5818 | digital-goods
            5045 | electronics
            5722 | electronics
            5732 | electronics
            5735 | electronics
            5946 | electronics
            5094 | jewellery-and-art
            5944 | jewellery-and-art
            5971 | jewellery-and-art
            7800 | gambling
            7802 | gambling
            7995 | gambling
            5912 | health
            8011 | health
            8099 | health
            4111 | transport
            4121 | transport
            4784 | transport
            # 4800-4999 are utility services: telephone and telecommunication (4812-4821), cable and pay TV (4899)
            4814 | utilities
            4899 | utilities
            4900 | utilities
            5311 | retail
            5651 | retail
            5967 | retail
            5999 | retail
            0742 | services
            1520 | services
            6300 | services
            7299 | services
            7994 | services
            8100 | services
            9399 | services
            # not a four-digit code: a producer's own category is its own group
            groceries-online | groceries-online
            541              | 541
            54111            | 54111
            54a1             | 54a1
            -                | -
            """)
    void groupsMerchantCategoriesIntoKindsOfShop(String category, String group) {
        assertThat(MerchantCategories.group(category)).isEqualTo(group);
    }
}
